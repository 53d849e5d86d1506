import { ruleCases } from './_testkit.ts';

ruleCases('gwapi-cert-ref-grant');
