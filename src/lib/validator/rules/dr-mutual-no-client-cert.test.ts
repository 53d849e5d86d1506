import { ruleCases } from './_testkit.ts';

ruleCases('dr-mutual-no-client-cert');
