## El sitio público: marco, tablón, vacante, aprendizaje, candidaturas.

site-careers = empleo
site-title = { $page } · Empleo en { $org }
site-description = Vacantes de TI en { $org }: puestos de backend, frontend, datos, QA, DevOps y móvil.
skip-to-content = Saltar al contenido
nav-main = Principal
nav-vacancies = Vacantes
nav-learn = Aprende
feed-title = Vacantes abiertas
footer-all-vacancies = Todas las vacantes
footer-learning-paths = Rutas de aprendizaje
footer-sitemap = Mapa del sitio
footer-recruiters = Selección
language-switch = Idioma
language-switch-to = Leer esta página en { $language }

home-title = Empleo
home-heading = Trabaja con nosotros en { $org }
home-lead = { $count ->
    [one] { $n } vacante de TI abierta: backend, frontend, datos, QA, DevOps, móvil y más.
   *[other] { $n } vacantes de TI abiertas: backend, frontend, datos, QA, DevOps, móvil y más.
}
home-search-label = Buscar vacantes
home-search-placeholder = Puesto, tecnología o palabra clave, p. ej. Python
home-search-button = Buscar
home-newest = Vacantes más recientes
home-none-open = Ahora mismo no hay vacantes abiertas. Vuelve a mirar pronto.
home-see-all = { $count ->
    [one] Ver la vacante
   *[other] Ver las { $n } vacantes
}
home-by-category = Por área
home-by-seniority = Por nivel
home-learn-heading = ¿Empiezas en el sector? Conoce primero el puesto
home-learn-text = Rutas de aprendizaje breves que explican qué hace cada perfil y qué habilidades piden nuestras vacantes.
home-latest-articles = Artículos recientes

board-title = Vacantes
board-title-query = Vacantes de «{ $q }»
board-title-page = { $title }, página { $page }
board-heading = Vacantes abiertas
board-form-label = Búsqueda y filtros
board-keywords = Palabras clave
board-keywords-placeholder = p. ej. Python, SQL
board-vacancies-suffix = vacantes
board-country = País
board-country-any = Cualquier país
board-location = Ubicación
board-location-placeholder = Ciudad, país o remoto
board-salary-min = Salario mínimo anual
board-salary-hint = Se compara con el máximo de cada banda, en la moneda de la vacante. Las vacantes sin salario indicado siguen en la lista.
board-show = Ver vacantes
board-clear = Quitar filtros
board-results-for = { $results } para «{ $q }»
board-sort = Ordenar:
board-sort-newest = más recientes
board-sort-salary = salario
board-empty = Ninguna vacante coincide con esta búsqueda.
board-widen = Prueba una búsqueda más amplia:
board-all-open = Todas las vacantes abiertas
board-pages = Páginas
board-previous = ← Anterior
board-next = Siguiente →
board-page-of = Página { $page } de { $pages }
facet-category = Área
facet-seniority = Nivel
facet-employment = Tipo de contrato
facet-work-mode = Modalidad

card-salary-not-stated = Salario no indicado
card-posted = Publicada el

vacancy-preview = Vista previa: así se verá la página cuando se publique.
vacancy-back-to-admin = Volver a la vacante
vacancy-closed = Esta vacante está cerrada
vacancy-closed-rest = y ya no admite candidaturas.
vacancy-see-open-in = Ver vacantes abiertas de { $category }
vacancy-seniority = Nivel
vacancy-employment = Contrato
vacancy-work-mode = Modalidad
vacancy-location = Ubicación
vacancy-locations = Ubicaciones
vacancy-salary = Salario
vacancy-not-stated = No indicado
vacancy-posted = Publicada
vacancy-apply-by = Plazo
vacancy-responsibilities = Qué harás
vacancy-requirements = Qué buscamos
vacancy-nice-to-have = Se valorará
vacancy-benefits = Qué ofrecemos
vacancy-skills = Tecnologías
vacancy-learn-skills = Aprende las habilidades de este puesto
vacancy-related = Vacantes relacionadas
vacancy-related-closed = Vacantes abiertas parecidas

apply-heading = Inscríbete en esta oferta
apply-preview = Vista previa: el formulario funcionará cuando la vacante esté publicada.
apply-fix-fields = { $count ->
    [one] Corrige el campo marcado abajo.
   *[other] Corrige los { $n } campos marcados abajo.
}
apply-required-note = Los campos marcados con * son obligatorios.
apply-leave-empty = Deja este campo vacío
apply-full-name = Nombre y apellidos
apply-email = Correo electrónico
apply-email-hint = Te enviaremos aquí el enlace de tu justificante.
apply-phone = Teléfono
apply-links = Enlaces (opcional)
apply-portfolio = Portfolio o web
apply-cover-letter = Carta de presentación
apply-cover-letter-hint = Opcional, hasta 5.000 caracteres.
apply-cv = CV
apply-cv-hint = PDF, DOC, DOCX, ODT o RTF, de hasta { $size }.
apply-cv-again = Vuelve a elegir tu archivo:
apply-cv-again-why = por tu privacidad, los navegadores no envían un archivo dos veces.
apply-privacy-label = Privacidad:
apply-privacy = guardamos lo que nos envías (tus datos, enlaces, carta y CV) para tenerte en cuenta en este puesto. Solo lo ve nuestro equipo de selección. Lo borramos { $days } días después de que se cierre la vacante, y puedes retirarlo o borrarlo tú cuando quieras desde el enlace privado que te damos.
apply-consent = Acepto que { $org } guarde mi candidatura como se describe
apply-send = Enviar candidatura

confirmation-title = Candidatura recibida
confirmation-heading = Gracias, hemos recibido tu candidatura
confirmation-received = Hemos recibido tu candidatura para
confirmation-copy-on-way = y te estamos enviando una copia del enlace a { $email }.
confirmation-link-heading = Tu enlace privado
confirmation-keep-private = No lo compartas: desde ahí puedes ver en qué punto está tu candidatura, retirarla o borrarla junto con tu CV para siempre. Cualquiera que tenga el enlace puede hacer lo mismo.
confirmation-retention = Borramos las candidaturas { $days } días después de que se cierre la vacante.
confirmation-other = Ver otras vacantes

receipt-title = Tu candidatura
receipt-vacancy = Vacante
receipt-sent = Enviada
receipt-status = Estado
receipt-cv = CV
receipt-withdrawn = Retiraste esta candidatura. El equipo de selección ya no la tiene en cuenta.
receipt-received = Tenemos tu candidatura y empezaremos a revisarla pronto.
receipt-in-review = Nuestro equipo de selección está revisando tu candidatura. Te escribiremos por correo.
receipt-closed = Esta candidatura está cerrada. Gracias por tu interés.
receipt-withdraw-heading = Retirar
receipt-withdraw-text = Al retirarla nos dices que ya no te interesa. Tus datos se conservan hasta que se borren según el aviso de privacidad.
receipt-withdraw-button = Retirar mi candidatura
receipt-erase-heading = Borrar para siempre
receipt-erase-text = Al borrarla eliminamos ahora mismo tu candidatura y tu CV de nuestra base de datos. No se puede deshacer, y este enlace deja de funcionar.
receipt-erase-confirm = Sí, borrar mi candidatura y mi CV
receipt-erase-button = Borrar para siempre
receipt-retention = Conservamos las candidaturas { $days } días después de que se cierre la vacante.
public-status-withdrawn = Retirada
erased-title = Candidatura borrada
erased-heading = Hemos borrado tu candidatura
erased-text = Tu candidatura y tu CV ya no están en nuestra base de datos, y el enlace del justificante ya no funciona.
erased-open = Ver vacantes abiertas

learn-title = Rutas de aprendizaje
learn-description = Rutas de aprendizaje para carreras de TI en { $org }: qué hace cada perfil, qué habilidades necesita y qué vacantes abiertas las piden.
learn-lede = Artículos breves y prácticos en un orden lógico: en qué consiste el puesto, qué habilidades pide y cómo empezar. Cada artículo enlaza con nuestras vacantes abiertas que piden esas habilidades.
learn-none = Todavía no hay rutas de aprendizaje publicadas.
learn-articles = { $count ->
    [one] { $n } artículo
   *[other] { $n } artículos
}
learn-minutes = unos { $n } min de lectura
learn-read-of = { $done } de { $total } leídos
path-title = { $path }: ruta de aprendizaje
path-steps-read = { $done } de { $total } pasos leídos
path-minutes-left = quedan unos { $n } min
path-steps-label = Pasos leídos
path-continue = Sigue donde lo dejaste: paso { $step }, { $title }
path-start = Empieza por el paso 1
path-all-read = Has leído todos los pasos de esta ruta. ¡Enhorabuena!
path-see-vacancies = Mira las vacantes abiertas
path-cookie-note = El progreso se guarda en una cookie solo en este navegador; no necesitas cuenta.
path-read-badge = Leído
path-step-meta = Paso { $step } · { $minutes } min de lectura
article-card-minutes = { $n } min de lectura
article-step-of = Paso { $step } de { $steps }
article-minutes = { $n } min de lectura
article-published = Publicado
article-updated = Actualizado
article-read = Leído
article-on-this-page = En esta página
article-faq = Preguntas y respuestas
article-skills = Habilidades de este artículo
article-progress = Tu progreso
article-marked-read = Has marcado este artículo como leído.
article-mark-unread = Marcar como no leído
article-mark-read = Marcar como leído
article-mark-read-next = Marcar como leído e ir al siguiente paso
article-cookie-note = Se guarda en una cookie de este navegador; no necesitas cuenta.
article-steps-nav = Pasos de esta ruta
article-previous-step = Paso anterior
article-next-step = Paso siguiente
article-vacancies = Vacantes abiertas que piden estas habilidades
comments-heading = Comentarios ({ $n })
comments-awaiting = ¡Gracias! Tu comentario está pendiente de moderación y aparecerá aquí cuando se apruebe.
comments-none = Todavía no hay comentarios. Las preguntas y experiencias son bienvenidas.
comments-reply-to = Responder a { $name }
comments-leave = Deja un comentario
comments-reply-under = Tu respuesta aparecerá bajo el comentario de { $name }.
comments-new-instead = Escribir un comentario nuevo
comments-fix-fields = Corrige los campos marcados abajo.
comments-email-private = Tu correo no se publicará. Los campos obligatorios están marcados con *.
comments-name = Nombre
comments-email = Correo electrónico
comments-website = Web
comments-comment = Comentario
comments-comment-hint = Texto sin formato; dos enlaces como máximo.
comments-leave-empty = Deja esto vacío
comments-post = Publicar comentario

error-browse = Ver vacantes abiertas
error-home = Inicio
content-in-en = en inglés
content-in-es = en español
widen-keywords = Buscar en todas las vacantes, no solo «{ $q }»
widen-category = Cualquier área, no solo { $category }
widen-seniority = Cualquier nivel
widen-employment = Cualquier tipo de contrato
widen-work-mode = Cualquier modalidad
widen-country = Cualquier país, no solo { $country }
widen-location = En cualquier lugar, no solo «{ $location }»
widen-salary = Cualquier salario

mail-receipt-subject = Tu candidatura: { $vacancy }
mail-receipt-hello = Hola:
mail-receipt-thanks = gracias por inscribirte en «{ $vacancy }» en { $org }. Hemos recibido tu candidatura y tu CV.
mail-receipt-link = Tu enlace privado:
mail-receipt-what = Desde ahí puedes ver en qué punto está tu candidatura, retirarla o borrarla junto con tu CV para siempre. No compartas el enlace: cualquiera que lo tenga puede hacer lo mismo.
mail-receipt-mistake = Si no te has inscrito tú, alguien ha escrito tu dirección por error: ignora este mensaje o borra la candidatura con el enlace de arriba.
mail-receipt-retention = Conservamos las candidaturas { $days } días después de que se cierre la vacante y después las borramos.
mail-receipt-signature = Equipo de selección de { $org }

comments-reply-gone = El comentario al que respondes ya no se muestra; tu comentario se publicará por separado.
comments-honeypot = No hemos podido aceptar tu comentario. Deja vacío el campo «Deja esto vacío» y vuelve a enviarlo.
comments-too-fast = Ha sido muy rápido. Vuelve a leer tu comentario y envíalo otra vez.
comments-expired = Este formulario ha caducado. Conservamos tu texto abajo; vuelve a enviarlo.
comments-rate-limited = { $count ->
    [one] Has enviado { $n } comentario en la última hora. Espera un poco; conservamos tu texto abajo.
   *[other] Has enviado { $n } comentarios en la última hora. Espera un poco; conservamos tu texto abajo.
}
