// The privacy module's public surface: encryption of personal data at rest, masking, a shopper's rights.
import type { PrivacyConfig } from './privacyConfig';
import { FieldCipher } from './fieldCipher';

export { FieldCipher } from './fieldCipher';
export { PersonalDataPlugin } from './personalDataPlugin';
export { startPrivacyJobs } from './privacyJobs';
export { privacyRoutes } from './routes';
export { maskAddress, maskEmail, maskName, maskPersonalDataInText, maskPhone } from './masking';

export function createFieldCipher(config: PrivacyConfig): FieldCipher {
  return new FieldCipher(config.dataKeys, config.blindIndexKey);
}
