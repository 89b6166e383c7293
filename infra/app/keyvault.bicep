// Key Vault for the app's secrets, read through app-setting Key Vault references by the app's identity
// (Key Vault Secrets User, rbac.bicep). Access policies are off (RBAC only). A secret is written only when
// its value is passed at deployment time (from the environment, see the .bicepparam files); otherwise the
// operator sets it with `az keyvault secret set` (docs/deploy.md). Templates never hold secret values.

@description('Name of the Key Vault (3-24 characters).')
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@minValue(7)
@maxValue(90)
@description('Days a deleted vault or secret can be recovered.')
param softDeleteRetentionInDays int

@description('Purge protection: once on, it cannot be turned off, and the vault name stays reserved for the retention period after deletion.')
param enablePurgeProtection bool

@description('Secret names, keyed by role (graphClientSecret, graphClientState, surveySigningKey, teamsWebhookUrl).')
param secretNames object

@secure()
@description('Client secret of the Graph app registration. Empty: leave the secret as it is.')
param graphClientSecret string

@secure()
@description('clientState sent with Graph subscriptions and checked on every notification. Empty: leave as it is.')
param graphClientState string

@secure()
@description('Key that signs satisfaction-survey links. Empty: leave as it is.')
param surveySigningKey string

@secure()
@description('Teams Workflows webhook URL for agent notifications (the URL is itself a credential). Empty: leave as it is.')
param teamsWebhookUrl string

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    // The API refuses `false` here; leaving the property out means "off".
    enablePurgeProtection: enablePurgeProtection ? true : null
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource graphClientSecretValue 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = if (!empty(graphClientSecret)) {
  parent: vault
  name: secretNames.graphClientSecret
  properties: {
    value: graphClientSecret
    contentType: 'text/plain'
  }
}

resource graphClientStateValue 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = if (!empty(graphClientState)) {
  parent: vault
  name: secretNames.graphClientState
  properties: {
    value: graphClientState
    contentType: 'text/plain'
  }
}

resource surveySigningKeyValue 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = if (!empty(surveySigningKey)) {
  parent: vault
  name: secretNames.surveySigningKey
  properties: {
    value: surveySigningKey
    contentType: 'text/plain'
  }
}

resource teamsWebhookUrlValue 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = if (!empty(teamsWebhookUrl)) {
  parent: vault
  name: secretNames.teamsWebhookUrl
  properties: {
    value: teamsWebhookUrl
    contentType: 'text/uri-list'
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
