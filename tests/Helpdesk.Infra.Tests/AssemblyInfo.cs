// The Bicep CLI this project restores is the linux-x64 build, and the deployment package is a linux-x64 handler.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
