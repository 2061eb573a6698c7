// The browser walk-through on fixture claims: tests the web app whatever the extractor does.
// CROSSCHECK_SHOTS=fixture makes this run write the docs screenshots (normally the real run does).
import { reviewFlow } from './review-flow.js';

reviewFlow({ fixture: true, screenshots: process.env.CROSSCHECK_SHOTS === 'fixture' });
