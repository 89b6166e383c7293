// Service Bus namespace with the outbox's queues (outbound mail, escalations, Graph notifications). SAS keys are disabled (disableLocalAuth): senders and
// receivers authenticate with Entra ID and queue-scoped roles (rbac.bicep). Standard tier is the lowest
// tier with duplicate detection.

@description('Name of the Service Bus namespace.')
param namespaceName string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Queue names (functions/Helpdesk.Application/Outbox/Queues.cs); function.json files use the same names.')
param queueNames array

@minValue(1)
@maxValue(2000)
@description('Deliveries before a message goes to the dead-letter queue.')
param maxDeliveryCount int

@description('Peek-lock duration (ISO 8601, at most PT5M). The Functions host renews the lock while an invocation runs.')
param lockDuration string

@description('Window for duplicate detection on MessageId (ISO 8601). Cannot be turned off after the queue exists.')
param duplicateDetectionWindow string

@description('Time a message may wait in the queue before it expires into the dead-letter queue (ISO 8601).')
param messageTimeToLive string

resource namespace 'Microsoft.ServiceBus/namespaces@2026-01-01' = {
  name: namespaceName
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }
}

resource queues 'Microsoft.ServiceBus/namespaces/queues@2026-01-01' = [
  for queueName in queueNames: {
    parent: namespace
    name: queueName
    properties: {
      maxDeliveryCount: maxDeliveryCount
      lockDuration: lockDuration
      requiresDuplicateDetection: true
      duplicateDetectionHistoryTimeWindow: duplicateDetectionWindow
      deadLetteringOnMessageExpiration: true
      defaultMessageTimeToLive: messageTimeToLive
      requiresSession: false
      enablePartitioning: false
      enableBatchedOperations: true
    }
  }
]

output namespaceName string = namespace.name
// Host name only (e.g. sb-x.servicebus.windows.net): what ServiceBusConnection__fullyQualifiedNamespace wants.
output fullyQualifiedNamespace string = parseUri(namespace.properties.serviceBusEndpoint).host
output queueNames array = [for (q, i) in queueNames: queues[i].name]
