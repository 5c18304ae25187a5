"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEMO_PRACTICES = void 0;
/**
 * Marks a made-up sandbox key (and checks it has the real format): 20 lowercase hex characters
 * like the seed's example `42a42a42a42a424a2aa4` (the seed says "10-character" but its own
 * example has 20). These keys open nothing but the local sandbox.
 */
function sandboxOnlyKey(value) {
    if (!/^[0-9a-f]{20}$/.test(value))
        throw new Error(`sandbox key ${value} is not 20 lowercase hex characters`);
    return value;
}
/** Demo practices. One has a single form so single-option dropdowns get exercised. */
exports.DEMO_PRACTICES = [
    {
        name: 'Riverside Dental Practice',
        apiKey: sandboxOnlyKey('42a42a42a42a424a2aa4'),
        forms: ['AdultRestorativeForm', 'ChildOralCareForm'],
    },
    {
        name: 'Hillview Orthodontics',
        apiKey: sandboxOnlyKey('7c1e9b03d5f2a8640e1b'),
        forms: ['OrthodonticForm', 'AdultRestorativeForm', 'OralSurgeryForm', 'PeriodontalForm'],
    },
    {
        name: 'Seaside Family Dentistry',
        apiKey: sandboxOnlyKey('b5d0f6e2c9a4173e8d20'),
        forms: ['ChildOralCareForm'],
    },
];
//# sourceMappingURL=practices.js.map