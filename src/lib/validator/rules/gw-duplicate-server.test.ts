import { ruleCases } from './_testkit.ts';

ruleCases('gw-duplicate-server');
