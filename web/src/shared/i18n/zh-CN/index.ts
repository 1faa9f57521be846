import { common } from './common';
import { auth } from './auth';
import { portal } from './portal';
import { workbench } from './workbench';
import { cockpit } from './cockpit';
import { admin } from './admin';
import { services } from './services';
import { schemaForm } from './schema-form';
import { catalogue } from './catalogue';
import { cases } from './cases';
import { seals } from './seals';
import { identityCodes } from './identity-codes';
import { licenses } from './licenses';
import { dataCatalogue } from './data-catalogue';
import { dataRegistries } from './data-registries';
import { dataExchange } from './data-exchange';
import { openData } from './open-data';
import { dataAggregate } from './data-aggregate';
import { dataMetrics } from './data-metrics';

/** The source language: every key the UI uses starts here; en-US must have the same keys. */
export const zhCN = { common, auth, portal, workbench, cockpit, admin, services, schemaForm, catalogue, cases, seals, identityCodes, licenses, dataCatalogue, dataRegistries, dataExchange, openData, dataAggregate, dataMetrics };
