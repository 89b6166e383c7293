// Cosmos DB for NoSQL: the ticket store (tickets, events and outbox items), change-feed leases, protocol counters
// and idempotency records.
// Keys are disabled (disableLocalAuth): the app reaches it with its managed identity and a data-plane
// role assignment scoped to this database only (rbac.bicep).

@description('Name of the Cosmos DB account.')
param accountName string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Name of the SQL database.')
param databaseName string

@allowed(['serverless', 'autoscale'])
@description('serverless: pay per request (dev, low traffic). autoscale: shared database throughput that scales between 10% and 100% of the maximum.')
param throughputMode string

@minValue(1000)
@description('Maximum RU/s of the shared database throughput when throughputMode is autoscale.')
param autoscaleMaxThroughput int

@description('Zone redundancy for the single region (not available in every region).')
param zoneRedundant bool

@minValue(3600)
@description('Seconds an idempotency record (processed Graph notification, message or outbox id) is kept.')
param dedupTtlSeconds int

// One entry per container. The adapters in functions/Helpdesk.Infrastructure and the function definitions in
// functions/Helpdesk.Hosting.Metadata/FunctionCatalog.cs must use the same names and partition key paths;
// queries name the partition key (`WHERE c.pk = @pk`).
var containers = [
  {
    // Tickets (one item each with their hash-chained events and outbox entries, one logical partition per ticket, so
    // that a ticket change and its outbox entries are one ETag-checked write), their list items (one partition per
    // protocol year), protocol counters and claims (docs/cosmos-data-model.md). ForwardOutbox reads its change feed. defaultTtl -1 turns TTL on without a default: tickets and events never expire,
    // an outbox item expires once it carries its own `ttl` (set it when the item is written, e.g. 7 days).
    name: 'tickets'
    partitionKeyPath: '/pk'
    defaultTtl: -1
    // One file read by this template and embedded in the Cosmos DB adapter (CosmosConnection.ApplyIndexingPolicy):
    // history, outbox and search text unindexed; composite indexes for the agents' lists (docs/cosmos-data-model.md).
    indexingPolicy: loadJsonContent('tickets-indexing-policy.json')
  }
  {
    // Change-feed processor leases of ForwardOutbox: the Functions Cosmos DB extension requires partition key /id.
    // function.json sets createLeaseContainerIfNotExists: false, so it must exist before the app starts.
    name: 'leases'
    partitionKeyPath: '/id'
    defaultTtl: null
    indexingPolicy: {
      indexingMode: 'consistent'
      automatic: true
      includedPaths: [{ path: '/*' }]
      excludedPaths: [{ path: '/"_etag"/?' }]
    }
  }
  {
    // Yearly protocol-number counters and void records (ADR-003): point reads and optimistic concurrency only.
    name: 'protocols'
    partitionKeyPath: '/pk'
    defaultTtl: null
    indexingPolicy: {
      indexingMode: 'consistent'
      automatic: true
      includedPaths: []
      excludedPaths: [{ path: '/*' }]
    }
  }
  {
    // Idempotency records of at-least-once consumers (outbox ids already handled, Graph notifications already seen).
    name: 'dedup'
    partitionKeyPath: '/pk'
    defaultTtl: dedupTtlSeconds
    indexingPolicy: {
      indexingMode: 'consistent'
      automatic: true
      includedPaths: []
      excludedPaths: [{ path: '/*' }]
    }
  }
]

var serverless = throughputMode == 'serverless'

resource account 'Microsoft.DocumentDB/databaseAccounts@2025-04-15' = {
  name: accountName
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: zoneRedundant
      }
    ]
    capabilities: serverless ? [{ name: 'EnableServerless' }] : []
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
    enableAutomaticFailover: false
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2025-04-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
    options: serverless ? {} : { autoscaleSettings: { maxThroughput: autoscaleMaxThroughput } }
  }
}

resource sqlContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2025-04-15' = [
  for c in containers: {
    parent: database
    name: c.name
    properties: {
      resource: union(
        {
          id: c.name
          partitionKey: {
            paths: [c.partitionKeyPath]
            kind: 'Hash'
            version: 2
          }
          indexingPolicy: c.indexingPolicy
        },
        c.defaultTtl == null ? {} : { defaultTtl: c.defaultTtl }
      )
    }
  }
]

output accountName string = account.name
output endpoint string = account.properties.documentEndpoint
output databaseName string = database.name
output containerNames array = [for (c, i) in containers: sqlContainers[i].name]
