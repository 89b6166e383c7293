// Every role assignment of the product, in one place, each named with guid(scope, principal, role) so that
// re-deploying is idempotent (names use the identity's resource id, known before deployment, not its principal id). Each grant is scoped to the narrowest resource that works.

@description('Name of the function app\'s user-assigned identity.')
param appIdentityName string

@description('Host storage account (AzureWebJobsStorage and the deployment container).')
param hostStorageName string

@description('Finance storage account.')
param financeStorageName string

@description('Finance report container.')
param financeContainerName string

@description('Container of large message bodies and attachments in the finance account (IContentStore).')
param contentContainerName string

@description('Cosmos DB account.')
param cosmosAccountName string

@description('Cosmos DB database the app may read and write.')
param cosmosDatabaseName string

@description('Service Bus namespace.')
param serviceBusNamespaceName string

@description('Queues the app both sends to (outbox forwarding) and receives from (triggers).')
param queueNames array

@description('Key Vault holding the app\'s secrets.')
param keyVaultName string

@description('Application Insights component.')
param applicationInsightsName string

@description('Optional: object id of the person or group that sets the secrets (Key Vault Secrets Officer). Empty: none.')
param vaultOperatorPrincipalId string

@allowed(['User', 'Group', 'ServicePrincipal'])
@description('Principal type of vaultOperatorPrincipalId.')
param vaultOperatorPrincipalType string

@description('Optional: object id of the finance group that reads the reports (Storage Blob Data Reader on the report container). Empty: none.')
param financeReadersGroupId string

// Built-in role definition ids (the same in every tenant).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  storageBlobDataReader: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'
  serviceBusDataOwner: '090c5cfd-751d-490a-894a-3ce6f1109419'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

// Cosmos DB data-plane role "Cosmos DB Built-in Data Contributor".
var cosmosDataContributor = '00000000-0000-0000-0000-000000000002'

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: appIdentityName
}

resource hostStorage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: hostStorageName
}

resource financeStorage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: financeStorageName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource container 'containers' existing = {
      name: financeContainerName
    }

    resource content 'containers' existing = {
      name: contentContainerName
    }
  }
}

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2025-04-15' existing = {
  name: cosmosAccountName

  resource database 'sqlDatabases' existing = {
    name: cosmosDatabaseName
  }

  resource dataContributor 'sqlRoleDefinitions' existing = {
    name: cosmosDataContributor
  }
}

resource serviceBus 'Microsoft.ServiceBus/namespaces@2026-01-01' existing = {
  name: serviceBusNamespaceName
}

resource queues 'Microsoft.ServiceBus/namespaces/queues@2026-01-01' existing = [
  for queueName in queueNames: {
    parent: serviceBus
    name: queueName
  }
]

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' existing = {
  name: keyVaultName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

// Host storage: the Functions host needs blob data owner for its locks and leases; the deployment container lives here too.
resource hostStorageOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(hostStorage.id, appIdentity.id, roles.storageBlobDataOwner)
  scope: hostStorage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataOwner)
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Finance reports: write access to the one container, nothing else in the account.
resource financeWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(financeStorage::blobService::container.id, appIdentity.id, roles.storageBlobDataContributor)
  scope: financeStorage::blobService::container
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Content store: event data over 32 KB (and attachments) kept out of Cosmos DB items; the app writes and reads it.
resource contentWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(financeStorage::blobService::content.id, appIdentity.id, roles.storageBlobDataContributor)
  scope: financeStorage::blobService::content
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Content store: Defender's scan verdicts are blob index tags, which Storage Blob Data Contributor cannot read. A custom
// role grants only reading tags (not writing them: the app cannot clear a "Malicious" verdict), on the content container.
resource scanResultReaderRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(resourceGroup().id, 'helpdesk-content-scan-result-reader')
  properties: {
    roleName: 'Helpdesk content scan-result reader (${resourceGroup().name})'
    description: 'Reads blob index tags (Defender for Storage malware scan results) of the help desk content store.'
    type: 'CustomRole'
    assignableScopes: [
      resourceGroup().id
    ]
    permissions: [
      {
        actions: []
        notActions: []
        dataActions: [
          'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/tags/read'
        ]
        notDataActions: []
      }
    ]
  }
}

resource contentScanResultReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(financeStorage::blobService::content.id, appIdentity.id, scanResultReaderRole.id)
  scope: financeStorage::blobService::content
  properties: {
    roleDefinitionId: scanResultReaderRole.id
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource financeReaders 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(financeReadersGroupId)) {
  name: guid(financeStorage::blobService::container.id, financeReadersGroupId, roles.storageBlobDataReader)
  scope: financeStorage::blobService::container
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataReader)
    principalId: financeReadersGroupId
    principalType: 'Group'
  }
}

// Service Bus: the change-feed function sends (output bindings), the queue triggers receive, and the Flex Consumption
// scale controller reads each queue's message count, which needs Manage rights: Azure Service Bus Data Owner on each
// queue (as Microsoft's Flex Consumption Service Bus sample grants), never on the namespace. It covers sending,
// receiving and the queue's dead-letter sub-queue (the supervisors' dead-letter list and replay).
resource queueOwners 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (queueName, i) in queueNames: {
    name: guid(queues[i].id, appIdentity.id, roles.serviceBusDataOwner)
    scope: queues[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataOwner)
      principalId: appIdentity.properties.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

// Key Vault: read secret values (Key Vault references), nothing else.
resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appIdentity.id, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource vaultOperator 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(vaultOperatorPrincipalId)) {
  name: guid(vault.id, vaultOperatorPrincipalId, roles.keyVaultSecretsOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsOfficer)
    principalId: vaultOperatorPrincipalId
    principalType: vaultOperatorPrincipalType
  }
}

// Application Insights with local auth disabled: telemetry needs Monitoring Metrics Publisher.
resource telemetryPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, appIdentity.id, roles.monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Cosmos DB data plane (not Azure RBAC): read/write items in our database only. Also covers the
// change-feed trigger's leases container, which lives in the same database.
resource cosmosData 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2025-04-15' = {
  parent: cosmos
  name: guid(cosmos::database.id, appIdentity.id, cosmosDataContributor)
  properties: {
    principalId: appIdentity.properties.principalId
    roleDefinitionId: cosmos::dataContributor.id
    scope: '${cosmos.id}/dbs/${cosmosDatabaseName}'
  }
}
