// Development: serverless Cosmos DB, scale to zero, short retention, no purge protection.
// Inputs that differ per tenant come from the environment (docs/deploy.md lists them); secrets only ever do.
using 'main.bicep'

param environmentName = 'dev'
param location = readEnvironmentVariable('AZURE_LOCATION', 'brazilsouth')

// 0 = scale to zero: cheaper, but a cold start may exceed Graph's 10 s validation window; set 1 if it does.
param alwaysReadyHttpInstances = 0
param maximumInstanceCount = 40
param cosmosThroughputMode = 'serverless'

param financeStorageSku = 'Standard_LRS'
param financeSoftDeleteDays = 7
param financeImmutabilityDays = 0

param keyVaultPurgeProtection = false
param keyVaultSoftDeleteDays = 7
param vaultOperatorPrincipalId = readEnvironmentVariable('HELPDESK_VAULT_OPERATOR_ID', '')

param supportMailboxAddress = readEnvironmentVariable('HELPDESK_SUPPORT_MAILBOX')
param graphClientId = readEnvironmentVariable('HELPDESK_GRAPH_CLIENT_ID')
param agentsAuthClientId = readEnvironmentVariable('HELPDESK_AGENTS_CLIENT_ID', '')

param graphClientSecret = readEnvironmentVariable('HELPDESK_GRAPH_CLIENT_SECRET', '')
param graphClientState = readEnvironmentVariable('HELPDESK_GRAPH_CLIENT_STATE', '')
param surveySigningKey = readEnvironmentVariable('HELPDESK_SURVEY_SIGNING_KEY', '')
param teamsWebhookUrl = readEnvironmentVariable('HELPDESK_TEAMS_WEBHOOK_URL', '')
