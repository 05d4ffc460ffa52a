// The fake Slack Web API lives in src/demo/slack-api/, shared by the tests and `npm run demo`.
export * from '../../src/demo/slack-api/fake-slack';
