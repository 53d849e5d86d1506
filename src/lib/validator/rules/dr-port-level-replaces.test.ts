import { ruleCases } from './_testkit.ts';

ruleCases('dr-port-level-replaces');
