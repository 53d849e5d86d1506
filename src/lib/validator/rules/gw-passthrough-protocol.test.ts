import { ruleCases } from './_testkit.ts';

ruleCases('gw-passthrough-protocol');
