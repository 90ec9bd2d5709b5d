// Placeholder until the local runtime lands: `npm start` explains what runs today.
console.log(`SLA workflow platform — local runtime

The embedded runtime (DynamoDB Local, Step Functions / EventBridge / Scheduler emulators and the
HTTP API on one machine) is being built. What runs today is the deadline engine's CLI:

  npm run -s sla -- due order.review --opened 2026-11-26T21:30:00+08:00
  npm run -s sla -- calendar ops-cs --from 2026-11-26 --days 3
  npm run -s sla -- help
`);
