import { ruleCases } from './_testkit.ts';

ruleCases('align-host-registry');
