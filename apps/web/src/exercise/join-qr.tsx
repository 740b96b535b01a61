import QRCode from "qrcode"
import { useEffect, useState } from "react"

/** A QR code of a join link, drawn as SVG by the `qrcode` library (inline, so it prints and scales). */
export const JoinQr = ({ link, label }: { readonly link: string; readonly label: string }) => {
  const [svg, setSvg] = useState<string | undefined>()
  useEffect(() => {
    let live = true
    QRCode.toString(link, { type: "svg", margin: 1, errorCorrectionLevel: "M" }).then(
      (text) => live && setSvg(text),
      () => live && setSvg(undefined),
    )
    return () => {
      live = false
    }
  }, [link])
  if (svg === undefined) return null
  return (
    <div
      className="join-qr"
      role="img"
      aria-label={label}
      // The SVG comes from the QR library, built from our own link: no user text reaches it unescaped.
      // biome-ignore lint/security/noDangerouslySetInnerHtml: library-made SVG of a URL we built
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  )
}
