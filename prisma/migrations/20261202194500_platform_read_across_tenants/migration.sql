-- muse_platform reads rows of every tenant in these tables, restricted by its column grants to
-- ids, tenant, status, dates and token sums (counts, sums and the sweep): the name says so.
ALTER POLICY platform_counts ON "clients" RENAME TO platform_read_across_tenants;
ALTER POLICY platform_counts ON "campaigns" RENAME TO platform_read_across_tenants;
ALTER POLICY platform_counts ON "generations" RENAME TO platform_read_across_tenants;
