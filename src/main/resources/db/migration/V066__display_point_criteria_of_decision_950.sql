-- The display points' checklist follows the groups of Decision 950/QĐ-BCT (2023): location, products, premises and
-- operation (DisplayPoint.Criterion). "A share of 3-star OCOP products" becomes the Decision's product criterion
-- (OCOP products of 3 stars or more, the province's key products, local specialties); the two criteria added
-- (market demand, quality and safety) start unticked, for staff to check at the next visit.
update display_point
set criteria = array_replace(criteria, 'OCOP_SHARE', 'OCOP_PRODUCTS')
where 'OCOP_SHARE' = any (criteria);
