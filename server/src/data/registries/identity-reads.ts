// What the registries read about the platform's own accounts (统一身份认证), all through identity's exports.
export {
  registeredPerson as personFacts,
  registeredEnterprise as enterpriseFacts,
  citizenAccountIds,
  enterpriseIds,
  type RegisteredPerson as PersonFacts,
  type RegisteredEnterprise as EnterpriseFacts,
} from '../../platform/identity';
