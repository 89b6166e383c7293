// The function app: a Flex Consumption plan and a Linux function app whose runtime is `custom` 1.0 (our
// self-contained ASP.NET Core handler, see docs/decisions and FUNCTIONS-HOST.md). It runs as a user-assigned
// identity; every connection is identity-based and every secret is a Key Vault reference.
// App Service authentication (Entra ID) validates every sign-in and token and injects the principal; it lets anonymous
// requests through, and the app answers 401/403 (or sends browsers to /.auth/login/aad) on every staff route
// (docs/decisions/ADR-005). authExcludedPaths are the machine- and requester-only routes the module skips altogether.

@description('Name of the function app.')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity.')
param identityClientId string

@description('Name of the host storage account (AzureWebJobsStorage, deployment container).')
param hostStorageName string

@description('Blob endpoint of the host storage account.')
param hostStorageBlobEndpoint string

@description('Container that holds the deployment package.')
param deploymentContainerName string

@allowed([512, 2048, 4096])
@description('Memory of each instance, in MB.')
param instanceMemoryMB int

@minValue(1)
@maxValue(1000)
@description('Upper bound of scale-out.')
param maximumInstanceCount int

@minValue(0)
@maxValue(20)
@description('Always-ready instances for the HTTP group (Graph webhook, front end). 0 allows scale to zero and cold starts.')
param alwaysReadyHttpInstances int

@description('Application Insights connection string.')
param applicationInsightsConnectionString string

@description('Cosmos DB account endpoint (https://...:443/).')
param cosmosEndpoint string

@description('Cosmos DB database name.')
param cosmosDatabaseName string

@description('Fully qualified Service Bus namespace (host name only).')
param serviceBusFullyQualifiedNamespace string

@description('Blob endpoint of the finance storage account.')
param reportBlobEndpoint string

@description('Container for the finance reports.')
param reportContainerName string

@description('Name of the Key Vault that holds the secrets.')
param keyVaultName string

@description('Secret names in the Key Vault, keyed by role.')
param secretNames object

@description('Entra tenant of the Graph app registration.')
param graphTenantId string

@description('Client (application) id of the Graph app registration (application permissions on the support mailbox).')
param graphClientId string

@description('User id or user principal name of the support mailbox in Graph.')
param graphMailboxUserId string

@description('Path of the Graph change-notification endpoint, under the app host name.')
param graphNotificationPath string

@description('Root URL of Microsoft Graph (another value only for a national cloud).')
param graphBaseUrl string = 'https://graph.microsoft.com/v1.0'

@description('Entra authority host of the Graph token (another value only for a national cloud).')
param graphAuthorityHost string = environment().authentication.loginEndpoint

@description('SMTP address replies are sent from.')
param supportMailboxAddress string

@description('Client id of the Entra app registration agents sign in with. Empty: no provider, every non-public path answers 401.')
param agentsAuthClientId string

@description('Paths App Service authentication skips altogether (exact, or a prefix ending in /*): only routes that never read the caller\'s identity, because on them a forged X-MS-CLIENT-PRINCIPAL header is not removed.')
param authExcludedPaths array

@description('The Teams app id (the id of teams/manifest.json as packaged by teams/package.sh): cards then open tickets in the Teams tab. Empty: cards open the browser only.')
param teamsAppId string = ''

var hostName = site.properties.defaultHostName
var publicBaseUrl = 'https://${hostName}'
var signInEnabled = !empty(agentsAuthClientId)

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${hostStorageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
        alwaysReady: alwaysReadyHttpInstances > 0 ? [{ name: 'http', instanceCount: alwaysReadyHttpInstances }] : []
      }
      runtime: {
        name: 'custom'
        version: '1.0'
      }
    }
  }
}

// Deployment uses Entra ID (az functionapp deployment / OneDeploy), never publishing profiles. Flex Consumption has
// no FTP(S) endpoint at all, so neither ftpsState nor the 'ftp' publishing-credentials policy is set (both are listed
// as unsupported on Flex); basic authentication on the deployment (scm) endpoint is turned off here.
resource scmPolicy 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

// Every key here must be in functions/Helpdesk.Infrastructure/Configuration/SettingsCatalog.cs, and every
// catalogue entry the app reads in Azure must be here: tests/Helpdesk.Infra.Tests checks both ways.
// Keep the keys literal (no union()) so that the check can read them from the compiled template.
resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    // Functions host: its own storage, with the user-assigned identity.
    AzureWebJobsStorage__accountName: hostStorageName
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    // Bindings' connections (function.json "connection": "ServiceBusConnection" / "CosmosDbConnection").
    ServiceBusConnection__fullyQualifiedNamespace: serviceBusFullyQualifiedNamespace
    ServiceBusConnection__credential: 'managedidentity'
    ServiceBusConnection__clientId: identityClientId
    CosmosDbConnection__accountEndpoint: cosmosEndpoint
    CosmosDbConnection__credential: 'managedidentity'
    CosmosDbConnection__clientId: identityClientId
    // Our code: Azure SDK clients use DefaultAzureCredential, which picks the identity from AZURE_CLIENT_ID.
    AZURE_CLIENT_ID: identityClientId
    CosmosDb__accountEndpoint: cosmosEndpoint
    CosmosDb__databaseName: cosmosDatabaseName
    ReportStorage__blobServiceUri: reportBlobEndpoint
    ReportStorage__containerName: reportContainerName
    Graph__TenantId: graphTenantId
    Graph__ClientId: graphClientId
    Graph__ClientSecret: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${secretNames.graphClientSecret})'
    Graph__MailboxUserId: graphMailboxUserId
    Graph__ClientState: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${secretNames.graphClientState})'
    Graph__NotificationUrl: '${publicBaseUrl}${graphNotificationPath}'
    Graph__BaseUrl: graphBaseUrl
    Graph__AuthorityHost: graphAuthorityHost
    Survey__SigningKey: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${secretNames.surveySigningKey})'
    // Teams tab single sign-on (issue 22): the same registration as App Service authentication; empty when sign-in is off.
    Teams__ClientId: agentsAuthClientId
    Teams__TenantId: signInEnabled ? tenant().tenantId : ''
    Teams__ApplicationIdUri: signInEnabled ? 'api://${hostName}/${agentsAuthClientId}' : ''
    Teams__MetadataAddress: signInEnabled ? '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0/.well-known/openid-configuration' : ''
    Teams__AppId: teamsAppId
    Teams__WebhookUrl: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${secretNames.teamsWebhookUrl})'
    Helpdesk__PublicBaseUrl: publicBaseUrl
    Helpdesk__SupportAddress: supportMailboxAddress
    // Ticket lifecycle, survey links and the anonymous intake's rate limit (defaults; tune per environment).
    Tickets__ReopenWindowDays: '7'
    Survey__LinkLifetimeDays: '30'
    RateLimiting__Intake__PermitLimit: '20'
    RateLimiting__Intake__WindowSeconds: '60'
    RateLimiting__Intake__TrustedProxyHops: '1'
    // Personal data (issue 19): acknowledgments one address receives per day for anonymous web and API requests.
    Intake__AcknowledgmentsPerRecipientPerDay: '3'
    // Finance timers: the report folder finance/{contract}/ and the monthly invoice the penalties are taken from
    // ('contract': the contract's invoice values; or an amount in BRL such as '1250000.00').
    Finance__ContractId: 'default'
    Finance__MonthlyInvoice: 'contract'
    // Attachments (issue 20): per-file and per-message limits in bytes (35 MB, Exchange Online's default message size)
    // and the extensions never kept nor sent.
    Attachments__MaxFileBytes: '36700160'
    Attachments__MaxMessageBytes: '36700160'
    Attachments__BlockedExtensions: '.exe,.com,.bat,.cmd,.scr,.pif,.msi,.msp,.dll,.cpl,.vbs,.vbe,.js,.jse,.wsf,.wsh,.ps1,.hta,.jar,.lnk,.reg'
  }
}

resource auth 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
      runtimeVersion: '~1'
    }
    // Not requireAuthentication: the anonymous intake (POST /api/tickets) shares its path with the staff list, so the
    // platform must let anonymous requests reach the app, which enforces every role itself (ADR-005). The module still
    // validates sessions and bearer tokens on every other path, removes any X-MS-* header a client sent, and injects
    // the principal; the app trusts that header only under the host with WEBSITE_AUTH_ENABLED.
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
      redirectToProvider: signInEnabled ? 'azureactivedirectory' : null
      excludedPaths: authExcludedPaths
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: signInEnabled
        registration: {
          // No client secret: sign-in uses the OpenID Connect ID-token flow (enable "ID tokens" on the registration).
          clientId: agentsAuthClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          // The registration itself, its App ID URI, and the Teams tab SSO audience.
          allowedAudiences: [
            agentsAuthClientId
            'api://${agentsAuthClientId}'
            'api://${hostName}/${agentsAuthClientId}'
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
    httpSettings: {
      requireHttps: true
      forwardProxy: {
        convention: 'NoProxy'
      }
    }
  }
}

output name string = site.name
output hostName string = hostName
output publicBaseUrl string = publicBaseUrl
output graphNotificationUrl string = '${publicBaseUrl}${graphNotificationPath}'
