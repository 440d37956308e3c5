<#ftl output_format="plainText">
${msg("ssprRegisterEmailCodeBody", realmName, code, ttlMinutes)}
