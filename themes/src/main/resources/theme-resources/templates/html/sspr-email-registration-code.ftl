<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("ssprRegisterEmailCodeBodyHtml", realmName, code, ttlMinutes))?no_esc}
</@layout.emailLayout>
