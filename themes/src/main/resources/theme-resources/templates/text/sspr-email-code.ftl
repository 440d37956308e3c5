<#ftl output_format="plainText">
${msg("ssprEmailCodeBody", realmName, code, ttlMinutes)}
