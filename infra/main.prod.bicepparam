// Production: one always-ready instance for Graph's deadlines, autoscale Cosmos DB, zone-redundant storage,
// immutable finance reports, purge-protected Key Vault. Secrets come from the environment, never from here.
using 'main.bicep'

param environmentName = 'prod'
param location = readEnvironmentVariable('AZURE_LOCATION', 'brazilsouth')

param alwaysReadyHttpInstances = 1
param instanceMemoryMB = 2048
param maximumInstanceCount = 100
param hostStorageSku = 'Standard_ZRS'

param cosmosThroughputMode = 'autoscale'
param cosmosAutoscaleMaxThroughput = 4000
param cosmosZoneRedundant = false

param queueMaxDeliveryCount = 10
param queueLockDuration = 'PT1M'

param financeStorageSku = 'Standard_GZRS'
param financeSoftDeleteDays = 90
// Five years, the retention of contract records; the policy is created unlocked (lock it by hand, docs/deploy.md).
param financeImmutabilityDays = 1826
param financeReadersGroupId = readEnvironmentVariable('HELPDESK_FINANCE_READERS_GROUP_ID', '')

param keyVaultPurgeProtection = true
param keyVaultSoftDeleteDays = 90
param vaultOperatorPrincipalId = readEnvironmentVariable('HELPDESK_VAULT_OPERATOR_ID', '')
param vaultOperatorPrincipalType = 'Group'

param supportMailboxAddress = readEnvironmentVariable('HELPDESK_SUPPORT_MAILBOX')
param graphClientId = readEnvironmentVariable('HELPDESK_GRAPH_CLIENT_ID')
param agentsAuthClientId = readEnvironmentVariable('HELPDESK_AGENTS_CLIENT_ID')

param graphClientSecret = readEnvironmentVariable('HELPDESK_GRAPH_CLIENT_SECRET', '')
param graphClientState = readEnvironmentVariable('HELPDESK_GRAPH_CLIENT_STATE', '')
param surveySigningKey = readEnvironmentVariable('HELPDESK_SURVEY_SIGNING_KEY', '')
param teamsWebhookUrl = readEnvironmentVariable('HELPDESK_TEAMS_WEBHOOK_URL', '')
