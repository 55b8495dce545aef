// Tables of the desks domain. Owned by the desks work; see docs/decisions for the rules they carry.
export {};
