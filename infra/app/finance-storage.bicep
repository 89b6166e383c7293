// Storage for the monthly penalty ("glosa") summaries that finance receives. A separate account from the
// function host's, so that finance's readers never see the app's internals. Versioning and soft delete
// keep every report recoverable; an optional time-based retention policy makes reports immutable (WORM).

@description('Name of the storage account (3-24 lowercase letters and digits).')
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Container the reports are written to.')
param containerName string

@description('Container of large message bodies and attachments (the app\'s content store).')
param contentContainerName string

@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_RAGRS', 'Standard_GZRS', 'Standard_RAGZRS'])
@description('Replication of the finance storage account.')
param skuName string

@minValue(1)
@maxValue(365)
@description('Days a deleted blob or container can be restored.')
param softDeleteDays int

@minValue(0)
@maxValue(146000)
@description('Days every report version stays immutable after it is written; 0 turns immutability off. The policy is created unlocked: lock it by hand once its length is agreed (docs/deploy.md).')
param immutabilityDays int

@minValue(-1)
@description('Microsoft Defender for Storage on-upload malware scanning: the most GB scanned per month (-1: no cap).')
param malwareScanCapGBPerMonth int = 5000

var immutable = immutabilityDays > 0

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-06-01' = {
  parent: storage
  name: 'default'
  properties: {
    isVersioningEnabled: true
    deleteRetentionPolicy: {
      enabled: true
      days: softDeleteDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: softDeleteDays
    }
  }
}

resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = {
  parent: blobService
  name: containerName
  properties: {
    publicAccess: 'None'
    // Version-level immutability (needs versioning, on above); it can only be chosen when the container is created.
    immutableStorageWithVersioning: {
      enabled: immutable
    }
  }
}

// Large message bodies kept out of Cosmos DB ticket items (IContentStore; docs/cosmos-data-model.md): content-addressed
// by SHA-256 and written once by the app (If-None-Match: *), so no immutability policy is needed on top.
resource contentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = {
  parent: blobService
  name: contentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource retention 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2025-06-01' = if (immutable) {
  parent: container
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: immutabilityDays
    allowProtectedAppendWrites: false
  }
}

// Attachments (issue 20): Microsoft Defender for Storage scans every blob on upload and writes its verdict as the blob
// index tag "Malware Scanning scan result" ("No threats found" or "Malicious"); the app refuses to serve a malicious
// file (BlobMalwareScanResults) and says "pending" on the ticket page until the tag is there.
resource malwareScanning 'Microsoft.Security/defenderForStorageSettings@2025-06-01' = {
  name: 'current'
  scope: storage
  properties: {
    isEnabled: true
    overrideSubscriptionLevelSettings: true
    malwareScanning: {
      onUpload: {
        isEnabled: true
        capGBPerMonth: malwareScanCapGBPerMonth
      }
    }
    sensitiveDataDiscovery: {
      isEnabled: false
    }
  }
}

output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output containerName string = container.name
