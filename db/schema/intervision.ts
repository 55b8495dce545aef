// Tables of the intervision domain. Owned by the intervision work; see docs/decisions for the rules they carry.
export {};
