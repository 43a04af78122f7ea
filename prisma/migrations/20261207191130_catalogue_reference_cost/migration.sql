-- The catalogue's reference price (ToolStats."referencePrice", PRICE order) becomes the « coût annuel estimé » for the
-- reference profile: each plan's yearly cost plus its setup fee spread over 3 years, the cheapest plan winning
-- (server/src/modules/catalogue/service/reference-cost.ts). Before, the plan was chosen on its first-year cost with the
-- setup fee, and the figure was its yearly cost without it.
-- The figure is worked out by the server's cost rules, not in SQL: no function or trigger changes; every row is
-- marked stale, so that the next PRICE order prices every tool again under the new definition.
UPDATE "ToolStats" SET "referencePriceStale" = true;
