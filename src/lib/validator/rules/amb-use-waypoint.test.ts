import { ruleCases } from './_testkit.ts';

ruleCases('amb-use-waypoint');
