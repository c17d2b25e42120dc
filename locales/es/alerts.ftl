## Alertas de empleo: el formulario de la lista de ofertas, las páginas de confirmación y de gestión, y los correos.

alert-form-heading = Recibe por correo las nuevas ofertas como estas
alert-form-hint = Te enviamos las nuevas ofertas que encajen con esta búsqueda. Primero recibirás un correo con un enlace para confirmar; todos los correos incluyen un enlace para darte de baja.
alert-email = Tu correo electrónico
alert-frequency = Frecuencia
alert-daily = Diaria
alert-weekly = Semanal
alert-subscribe = Avisarme de nuevas ofertas
alert-frequency-invalid = Elige diaria o semanal.
alert-too-fast = Has enviado el formulario más rápido de lo que una persona puede rellenarlo. Espera un momento y vuelve a enviarlo.
alert-expired = El formulario llevaba demasiado tiempo abierto o no venía de esta página. Lo hemos renovado: envíalo de nuevo.
alert-rate-limited = Se han pedido demasiadas alertas desde tu red en la última hora. Vuelve a intentarlo más tarde.

alert-check-title = Revisa tu correo
alert-check-text = Si la dirección puede recibir correo, te llegará un mensaje con un enlace para confirmar la alerta. No enviamos ofertas hasta que confirmes, y una alerta sin confirmar se borra a los siete días.
alert-back-to-search = Volver a la búsqueda

alert-confirm-title = Confirma tu alerta de empleo
alert-confirm-text-daily = Has pedido recibir cada día un correo con las nuevas ofertas de esta búsqueda:
alert-confirm-text-weekly = Has pedido recibir cada semana un correo con las nuevas ofertas de esta búsqueda:
alert-the-search = Ver la búsqueda
alert-confirm-button = Confirmar la alerta
alert-confirm-ignore = Si no lo has pedido tú, no hagas nada: sin confirmación, la alerta se borra a los siete días.
alert-confirmed-title = Tu alerta de empleo está activada
alert-confirmed-text = Recibirás por correo las nuevas ofertas de esta búsqueda. Cada correo incluye un enlace para cambiar la frecuencia o darte de baja.

alert-manage-title = Tu alerta de empleo
alert-not-confirmed = Esta alerta aún no está confirmada: usa el enlace del correo de confirmación.
alert-save = Guardar
alert-saved = Guardado.
alert-unsubscribe-button = Darme de baja
alert-unsubscribed-title = Te has dado de baja
alert-unsubscribed-text = No recibirás más correos de esta alerta. Hemos borrado tu dirección y la búsqueda.
alert-browse = Ver las ofertas abiertas

alert-mail-hello = Hola:
alert-mail-confirm-subject = Confirma tu alerta de empleo de { $org }
alert-mail-confirm-intro = alguien (esperamos que tú) ha pedido en la web de empleo de { $org } recibir por correo las nuevas ofertas.
alert-mail-confirm-link = Para confirmarlo, abre este enlace y pulsa el botón:
alert-mail-confirm-mistake = Si no lo has pedido tú, ignora este mensaje: sin confirmación, borramos la solicitud a los siete días.
alert-mail-search = La búsqueda:
alert-mail-known-subject = Ya recibes esta alerta de empleo de { $org }
alert-mail-known-intro = alguien ha vuelto a pedir en la web de empleo de { $org } esta alerta, que ya recibes. No ha cambiado nada.
alert-mail-digest-subject = { $count ->
    [one] { $n } oferta nueva para tu búsqueda
   *[other] { $n } ofertas nuevas para tu búsqueda
}
alert-mail-digest-intro = estas son las nuevas ofertas de tu búsqueda, de la más reciente a la más antigua:
alert-mail-more = Y { $n } más:
alert-mail-all = Todas las ofertas de tu búsqueda:
alert-mail-why-daily = Recibes este correo como mucho una vez al día porque lo pediste en la web de empleo de { $org }.
alert-mail-why-weekly = Recibes este correo como mucho una vez a la semana porque lo pediste en la web de empleo de { $org }.
alert-mail-manage = Cambiar la frecuencia o darte de baja:
alert-mail-signature = El equipo de selección de { $org }

## Alertas de empleo en el panel de selección.
admin-alerts-heading = Alertas de empleo
admin-alerts-subscribers = { $count ->
    [one] suscriptor confirmado
   *[other] suscriptores confirmados
}
admin-alerts-last-run = Último envío de alertas:
admin-alerts-never = nunca
admin-alerts-outbox = { $count ->
    [one] mensaje pendiente de envío
   *[other] mensajes pendientes de envío
}
