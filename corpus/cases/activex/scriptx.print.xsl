<?xml version="1.0" encoding="utf-8"?>
<!-- Delivery note layout, transformed on the server (2008). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="html" encoding="utf-8"/>
  <xsl:template match="/note">
    <html>
      <body>
        <!-- ruleid: activex.scriptx -->
        <object id="factory" style="display:none" classid="clsid:1663ed61-23eb-11d2-b92f-008048fdd814"></object>
        <!-- ok: activex.scriptx -->
        <p class="hint">Printing uses ScriptX (1663ed61) on the warehouse PCs.</p>
        <h1>Delivery <xsl:value-of select="@number"/></h1>
        <table>
          <xsl:for-each select="line">
            <tr><td><xsl:value-of select="article"/></td><td><xsl:value-of select="qty"/></td></tr>
          </xsl:for-each>
        </table>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
