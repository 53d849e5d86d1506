import { ruleCases } from './_testkit.ts';

ruleCases('gwapi-parentref-no-listener');
