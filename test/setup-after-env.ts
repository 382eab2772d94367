import nock from 'nock';
import { expectContractClean } from './support/highlevel';

// No network but loopback: HighLevel is nock or the sandbox on 127.0.0.1.
nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);

afterEach(() => {
  // Every request a test sent must satisfy HighLevel's OpenAPI contract.
  expectContractClean();
  nock.cleanAll();
});

// Jest may run several test files in one process, each with its own copy of nock: unhook this file's copy so
// that the next file's interceptors are the only ones.
afterAll(() => {
  nock.cleanAll();
  nock.enableNetConnect();
  nock.restore();
});
