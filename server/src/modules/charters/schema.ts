// Placeholder: this module's GraphQL fields.
export {};
