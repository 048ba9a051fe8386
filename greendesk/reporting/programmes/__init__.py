"""Reports of the policy programmes: the CERF quarterly disclosure workbook."""
