// Imported first by walkthrough.ts: zapier-platform-core reads NODE_ENV once, when it loads. The walkthrough is a
// test run of the app, so core applies its strict output checks (as under jest) and prints no production
// memory log lines. The sandbox accepts any OAuth client; these only fill the token request and are never printed.
process.env.NODE_ENV = process.env.NODE_ENV || 'test';
process.env.DISABLE_ZAPIER_ANALYTICS = '1';
process.env.CLIENT_ID = process.env.CLIENT_ID || 'sandbox-client-id';
process.env.CLIENT_SECRET = process.env.CLIENT_SECRET || 'sandbox-client-secret';

export {};
