<?xml version="1.0" encoding="utf-8"?>
<!-- Invoice list rendered in the browser with transformNode (2007). -->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:msxsl="urn:schemas-microsoft-com:xslt"
  xmlns:util="urn:intranet-util">

<!-- ruleid: xml.msxsl-script -->
<msxsl:script language="JScript" implements-prefix="util">
function formatYen(n) {
  var s = String(Math.round(n));
  return s.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
</msxsl:script>

<!-- ok: xml.msxsl-script -->
<!-- msxsl:script for the tax calculation moved to the server -->
<xsl:template match="/invoices">
  <table class="list">
    <xsl:for-each select="invoice">
      <tr>
        <td><xsl:value-of select="@number"/></td>
        <td class="num"><xsl:value-of select="util:formatYen(number(total))"/></td>
      </tr>
    </xsl:for-each>
  </table>
</xsl:template>

</xsl:stylesheet>
