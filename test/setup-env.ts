// Keep tests hermetic: no analytics, no real HighLevel, predictable OAuth client.
process.env.DISABLE_ZAPIER_ANALYTICS = '1';
process.env.CLIENT_ID = process.env.CLIENT_ID || 'test-client-id';
process.env.CLIENT_SECRET = process.env.CLIENT_SECRET || 'test-client-secret';
delete process.env.GHL_API_BASE_URL;
