import { ruleCases } from './_testkit.ts';

ruleCases('gwapi-allowed-namespaces');
