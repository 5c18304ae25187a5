// The package's main entry. n8n itself loads the credential and nodes listed under the
// "n8n" key of package.json; this lets `require('n8n-nodes-dental-referrals')` work too.
module.exports = {
	credentials: {
		DentalReferralsApi: require('./dist/credentials/DentalReferralsApi.credentials').DentalReferralsApi,
	},
	nodes: {
		DentalReferrals: require('./dist/nodes/DentalReferrals/DentalReferrals.node').DentalReferrals,
		DentalReferralsTrigger: require('./dist/nodes/DentalReferralsTrigger/DentalReferralsTrigger.node')
			.DentalReferralsTrigger,
		DentalReferralsStatusTrigger:
			require('./dist/nodes/DentalReferralsStatusTrigger/DentalReferralsStatusTrigger.node')
				.DentalReferralsStatusTrigger,
	},
};
