// 100 GETs of /ip on the mock-agent transport: the full-size target comparison and the scaled strategy matrix (see requests.ts).
import { requestSuites } from './requests.ts';

requestSuites('mock-agent');
