import { DentalReferralsApi } from '../../credentials/DentalReferralsApi.credentials';
import { DentalReferrals } from '../../nodes/DentalReferrals/DentalReferrals.node';
import { DEFAULT_PARALLEL_REQUESTS } from '../../nodes/DentalReferrals/descriptions/options.fields';
import { DentalReferralsTrigger } from '../../nodes/DentalReferralsTrigger/DentalReferralsTrigger.node';
import { triggerUrl } from '../../nodes/shared/trigger-url';
import * as product from '../../tools/product';

// tools/product.ts loads the product by path (so the tools build does not compile it again);
// these assignments make the type checker hold each loaded value to its source's type.
const typed: typeof product = {
	DentalReferrals,
	DentalReferralsTrigger,
	DentalReferralsApi,
	triggerUrl,
	DEFAULT_PARALLEL_REQUESTS,
};

describe('tools/product.ts', () => {
	it('loads the very modules the sources export (a renamed file fails here, not in a bench run)', () => {
		expect(product.DentalReferrals).toBe(typed.DentalReferrals);
		expect(product.DentalReferralsTrigger).toBe(typed.DentalReferralsTrigger);
		expect(product.DentalReferralsApi).toBe(typed.DentalReferralsApi);
		expect(product.triggerUrl).toBe(typed.triggerUrl);
		expect(product.DEFAULT_PARALLEL_REQUESTS).toBe(typed.DEFAULT_PARALLEL_REQUESTS);
	});
});
