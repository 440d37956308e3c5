<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("ssprEmailCodeBodyHtml", realmName, code, ttlMinutes))?no_esc}
</@layout.emailLayout>
