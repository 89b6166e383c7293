// The whole product in one resource group: `az deployment group create -g <rg> -f infra/main.bicep -p infra/main.<env>.bicepparam`.
// Resources are written here and in infra/app/ (no registry modules: the public registry is unreachable
// from our build machines). Names come from the environment name and uniqueString; nothing secret is in
// these files. docs/deploy.md walks through a deployment and uses the outputs at the end.
targetScope = 'resourceGroup'

@minLength(2)
@maxLength(10)
@description('Short environment name (dev, prod, ...): part of every resource name and of the name hash.')
param environmentName string

@description('Azure region for every resource (must offer Flex Consumption).')
param location string = resourceGroup().location

// ---- Function app -------------------------------------------------------------------------------------

@minValue(0)
@maxValue(20)
@description('Always-ready instances for HTTP functions: Graph must get an answer to its validation request within 10 s and to notifications within 3 s, so production keeps at least one warm instance.')
param alwaysReadyHttpInstances int

@allowed([512, 2048, 4096])
@description('Memory of each function app instance, in MB.')
param instanceMemoryMB int = 2048

@minValue(1)
@maxValue(1000)
@description('Upper bound of function app scale-out.')
param maximumInstanceCount int = 40

@allowed(['Standard_LRS', 'Standard_ZRS'])
@description('Replication of the function host storage account.')
param hostStorageSku string = 'Standard_LRS'

// ---- Cosmos DB ----------------------------------------------------------------------------------------

@allowed(['serverless', 'autoscale'])
@description('Cosmos DB capacity mode: serverless or autoscale (shared database throughput).')
param cosmosThroughputMode string

@minValue(1000)
@description('Autoscale maximum RU/s of the database (autoscale mode only).')
param cosmosAutoscaleMaxThroughput int = 1000

@description('Zone-redundant Cosmos DB region (not offered in every region).')
param cosmosZoneRedundant bool = false

// ---- Service Bus --------------------------------------------------------------------------------------

@minValue(1)
@maxValue(2000)
@description('Deliveries of a queue message (outbound mail, escalation) before it is dead-lettered.')
param queueMaxDeliveryCount int = 10

@description('Peek-lock duration of the queues (ISO 8601, at most PT5M).')
param queueLockDuration string = 'PT1M'

// ---- Finance reports ----------------------------------------------------------------------------------

@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_RAGRS', 'Standard_GZRS', 'Standard_RAGZRS'])
@description('Replication of the finance storage account.')
param financeStorageSku string = 'Standard_ZRS'

@minValue(1)
@maxValue(365)
@description('Soft-delete retention of finance reports and containers, in days.')
param financeSoftDeleteDays int = 30

@minValue(0)
@maxValue(146000)
@description('Days each report version stays immutable (WORM); 0 for none. Only takes effect when the container is first created.')
param financeImmutabilityDays int = 0

@description('Optional object id of the finance group that may read the reports.')
param financeReadersGroupId string = ''

// ---- Key Vault ----------------------------------------------------------------------------------------

@description('Purge protection on the Key Vault (irreversible; recommended for production).')
param keyVaultPurgeProtection bool = false

@minValue(7)
@maxValue(90)
@description('Days a deleted vault or secret stays recoverable.')
param keyVaultSoftDeleteDays int = 90

@description('Optional object id of whoever sets the secrets by hand (Key Vault Secrets Officer).')
param vaultOperatorPrincipalId string = ''

@allowed(['User', 'Group', 'ServicePrincipal'])
@description('Principal type of vaultOperatorPrincipalId.')
param vaultOperatorPrincipalType string = 'User'

@secure()
@description('Graph client secret, written to Key Vault when given (pass it from the environment, never from a file).')
param graphClientSecret string = ''

@secure()
@description('Graph subscription clientState, written to Key Vault when given.')
param graphClientState string = ''

@secure()
@description('Survey-link signing key, written to Key Vault when given.')
param surveySigningKey string = ''

@secure()
@description('Teams Workflows webhook URL, written to Key Vault when given.')
param teamsWebhookUrl string = ''

// ---- Mail, Graph and sign-in --------------------------------------------------------------------------

@description('SMTP address of the support mailbox (replies are sent from it).')
param supportMailboxAddress string

@description('Graph user id or UPN of the support mailbox; defaults to its address.')
param graphMailboxUserId string = supportMailboxAddress

@description('Client id of the Graph app registration (application permissions restricted to the support mailbox).')
param graphClientId string

@description('Tenant of the Graph app registration.')
param graphTenantId string = tenant().tenantId

@description('Path of the Graph change-notification function under the app host name.')
param graphNotificationPath string = '/api/graph/notifications'

@description('Client id of the app registration agents sign in with; empty leaves every non-public path answering 401.')
param agentsAuthClientId string

@description('The Teams app id (teams/package.sh prints it; keep it across versions): escalation and deadline cards then open tickets in the Teams tab. Empty: cards open the browser only.')
param teamsAppId string = ''

@description('Paths App Service authentication skips altogether (exact, or a prefix ending in /*): the Graph webhook, mail intake (guarded by a function key), survey links, the front end\'s static assets, the Teams tab\'s token exchange (the app validates the Teams token itself) and health. Only routes that never read the caller\'s identity belong here: on an excluded path a forged X-MS-CLIENT-PRINCIPAL header is not removed. Every other path, the anonymous intake POST /api/tickets and the public form included, goes through the module with AllowAnonymous, and the app enforces roles (ADR-005).')
param authExcludedPaths array = [
  '/api/graph/notifications'
  '/api/mailbox/messages'
  '/api/surveys/*'
  '/api/app/assets/*'
  '/api/app/teams/session'
  '/api/health'
]

var env = toLower(environmentName)
var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, env, location))
var tags = {
  'azd-env-name': env
  application: 'helpdesk'
}
var names = {
  identity: 'id-helpdesk-${env}-${resourceToken}'
  logAnalytics: 'log-helpdesk-${env}-${resourceToken}'
  applicationInsights: 'appi-helpdesk-${env}-${resourceToken}'
  hostStorage: 'sthost${resourceToken}'
  financeStorage: 'stfin${resourceToken}'
  cosmos: 'cosmos-helpdesk-${env}-${resourceToken}'
  serviceBus: 'sb-helpdesk-${env}-${resourceToken}'
  keyVault: 'kv-hd-${resourceToken}'
  plan: 'plan-helpdesk-${env}-${resourceToken}'
  functionApp: 'func-helpdesk-${env}-${resourceToken}'
}
var secretNames = {
  graphClientSecret: 'graph-client-secret'
  graphClientState: 'graph-client-state'
  surveySigningKey: 'survey-signing-key'
  teamsWebhookUrl: 'teams-webhook-url'
}
var cosmosDatabaseName = 'helpdesk'
// Queue names: functions/Helpdesk.Application/Outbox/Queues.cs.
var queueNames = [
  'outbound-mail'
  'escalations'
  'graph-notifications'
  'teams-notifications'
]
var financeContainerName = 'finance-reports'
// The content store's container (functions/Helpdesk.FunctionApp/Hosting/EdgeAdapters.cs, ContentContainer).
var contentContainerName = 'content'
var deploymentContainerName = 'app-package'

module identity 'app/identity.bicep' = {
  name: 'identity'
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
    retentionInDays: 30
  }
}

module hostStorage 'app/host-storage.bicep' = {
  name: 'host-storage'
  params: {
    name: names.hostStorage
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    skuName: hostStorageSku
  }
}

module cosmos 'app/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    accountName: names.cosmos
    location: location
    tags: tags
    databaseName: cosmosDatabaseName
    throughputMode: cosmosThroughputMode
    autoscaleMaxThroughput: cosmosAutoscaleMaxThroughput
    zoneRedundant: cosmosZoneRedundant
    dedupTtlSeconds: 30 * 24 * 3600
  }
}

module serviceBus 'app/servicebus.bicep' = {
  name: 'servicebus'
  params: {
    namespaceName: names.serviceBus
    location: location
    tags: tags
    queueNames: queueNames
    maxDeliveryCount: queueMaxDeliveryCount
    lockDuration: queueLockDuration
    duplicateDetectionWindow: 'PT10M'
    messageTimeToLive: 'P14D'
  }
}

module financeStorage 'app/finance-storage.bicep' = {
  name: 'finance-storage'
  params: {
    name: names.financeStorage
    location: location
    tags: tags
    containerName: financeContainerName
    contentContainerName: contentContainerName
    skuName: financeStorageSku
    softDeleteDays: financeSoftDeleteDays
    immutabilityDays: financeImmutabilityDays
  }
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: names.keyVault
    location: location
    tags: tags
    softDeleteRetentionInDays: keyVaultSoftDeleteDays
    enablePurgeProtection: keyVaultPurgeProtection
    secretNames: secretNames
    graphClientSecret: graphClientSecret
    graphClientState: graphClientState
    surveySigningKey: surveySigningKey
    teamsWebhookUrl: teamsWebhookUrl
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  // Names are passed as known values (not module outputs) so that what-if can predict every assignment.
  dependsOn: [identity, hostStorage, financeStorage, cosmos, serviceBus, keyVault, monitoring]
  params: {
    appIdentityName: names.identity
    hostStorageName: names.hostStorage
    financeStorageName: names.financeStorage
    financeContainerName: financeContainerName
    contentContainerName: contentContainerName
    cosmosAccountName: names.cosmos
    cosmosDatabaseName: cosmosDatabaseName
    serviceBusNamespaceName: names.serviceBus
    queueNames: queueNames
    keyVaultName: names.keyVault
    applicationInsightsName: names.applicationInsights
    vaultOperatorPrincipalId: vaultOperatorPrincipalId
    vaultOperatorPrincipalType: vaultOperatorPrincipalType
    financeReadersGroupId: financeReadersGroupId
  }
}

module functionApp 'app/function-app.bicep' = {
  name: 'function-app'
  // The app starts with its roles already granted: storage, Key Vault references and telemetry work at first boot.
  dependsOn: [rbac]
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    hostStorageName: hostStorage.outputs.name
    hostStorageBlobEndpoint: hostStorage.outputs.blobEndpoint
    deploymentContainerName: hostStorage.outputs.deploymentContainerName
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    alwaysReadyHttpInstances: alwaysReadyHttpInstances
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    cosmosEndpoint: cosmos.outputs.endpoint
    cosmosDatabaseName: cosmos.outputs.databaseName
    serviceBusFullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace
    reportBlobEndpoint: financeStorage.outputs.blobEndpoint
    reportContainerName: financeStorage.outputs.containerName
    keyVaultName: keyVault.outputs.name
    secretNames: secretNames
    graphTenantId: graphTenantId
    graphClientId: graphClientId
    graphMailboxUserId: graphMailboxUserId
    graphNotificationPath: graphNotificationPath
    supportMailboxAddress: supportMailboxAddress
    agentsAuthClientId: agentsAuthClientId
    authExcludedPaths: authExcludedPaths
    teamsAppId: teamsAppId
  }
}

// Outputs used by docs/deploy.md (azd maps them to environment variables of the same names).
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup().name
output FUNCTION_APP_NAME string = functionApp.outputs.name
output FUNCTION_APP_URL string = functionApp.outputs.publicBaseUrl
output FUNCTION_APP_HOSTNAME string = functionApp.outputs.hostName
output GRAPH_NOTIFICATION_URL string = functionApp.outputs.graphNotificationUrl
output AGENTS_SIGN_IN_REDIRECT_URI string = '${functionApp.outputs.publicBaseUrl}/.auth/login/aad/callback'
output MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output MANAGED_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
output KEY_VAULT_NAME string = keyVault.outputs.name
output KEY_VAULT_SECRET_NAMES object = secretNames
output COSMOS_ACCOUNT_NAME string = cosmos.outputs.accountName
output COSMOS_ENDPOINT string = cosmos.outputs.endpoint
output COSMOS_DATABASE_NAME string = cosmos.outputs.databaseName
output SERVICE_BUS_NAMESPACE string = serviceBus.outputs.fullyQualifiedNamespace
output SERVICE_BUS_QUEUE_NAMES array = serviceBus.outputs.queueNames
output FINANCE_STORAGE_ACCOUNT string = financeStorage.outputs.name
output FINANCE_CONTAINER_NAME string = financeStorage.outputs.containerName
output HOST_STORAGE_ACCOUNT string = hostStorage.outputs.name
output APPLICATION_INSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
