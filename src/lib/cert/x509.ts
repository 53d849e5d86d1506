// The one place the engine imports @peculiar/x509: the Reflect shim must be evaluated first.
import './reflect.ts';

export * from '@peculiar/x509';
