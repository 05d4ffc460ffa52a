// Shared with the demo's Slack simulator: src/demo/slack-api/recorder.ts.
export * from '../../src/demo/slack-api/recorder';
