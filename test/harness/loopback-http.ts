// Shared with the demo's Slack simulator: src/demo/slack-api/loopback-http.ts.
export * from '../../src/demo/slack-api/loopback-http';
