import { ruleCases } from './_testkit.ts';

ruleCases('gw-tls-missing');
