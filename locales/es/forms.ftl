## Mensajes junto a los campos de los formularios (src/forms y las comprobaciones de los manejadores).

form-too-long = Usa como máximo { $max } caracteres (ahora hay { $now }).
email-invalid = Escribe una dirección de correo como nombre@ejemplo.com.
url-invalid = Escribe una dirección web completa que empiece por https://.
password-too-short = Usa al menos { $min } caracteres.
password-too-long = Usa como máximo { $max } caracteres.
password-not-current = Esta no es tu contraseña actual.
passwords-differ = Las dos contraseñas nuevas no coinciden.
email-taken = Ya existe una cuenta con este correo.
role-choose = Elige un rol.
language-choose = Elige uno de los idiomas disponibles.

skills-too-many = Indica como máximo { $max } habilidades.
skill-too-long = «{ $skill }» es demasiado largo para una habilidad (40 caracteres como máximo).
skill-needs-letter = Cada habilidad necesita al menos una letra o un número.

# El formulario de candidatura.
phone-invalid = Usa solo números, espacios y + - ( ), por ejemplo +34 600 123 456.
consent-missing = Acepta el aviso de privacidad para que podamos guardar tu candidatura.
cv-missing = Elige el archivo de tu CV (PDF, DOC, DOCX, ODT o RTF).
cv-empty = El archivo elegido está vacío. Elige el archivo de tu CV.
cv-too-large = El archivo ocupa más de { $size }. Elige uno más pequeño.
cv-unknown-kind = Este archivo no es un documento PDF, DOC, DOCX, ODT ni RTF (miramos el contenido, no solo el nombre). Elige otro archivo.

# El formulario de comentarios.
comment-website-invalid = Empieza la dirección por https:// (o déjala vacía).
comment-too-many-links = Incluye como máximo { $max } enlaces en un comentario (recibimos mucho spam).
comment-blocked-word = Tu comentario contiene «{ $word }», que aquí no aceptamos.

# El formulario de vacantes.
category-choose = Elige una categoría.
seniority-choose = Elige un nivel de experiencia.
employment-choose = Elige un tipo de contrato.
work-mode-choose = Elige una modalidad de trabajo.
country-choose = Elige el país de la oficina.
place-country-missing = Elige el país de este lugar.
place-country-unknown = Elige un país de la lista.
places-too-many = Una vacante puede indicar como máximo { $max } lugares.
remote-countries-unknown = Códigos de país desconocidos: { $codes }. Usa códigos de dos letras como DE, PL, ES.
remote-countries-missing = Una vacante en remoto necesita al menos un país donde puedan vivir las personas candidatas.
salary-max-below-min = El máximo debe ser igual o mayor que el mínimo.
salary-currency-choose = Elige la moneda del salario.
salary-period-choose = Elige a qué periodo corresponde el salario.
amount-invalid = Escribe un número entero, como 65000.
valid-through-invalid = Escribe una fecha con el formato AAAA-MM-DD.
valid-through-past = La fecha tiene que ser futura.

# Los formularios de artículos y rutas.
title-needs-letter = El título necesita al menos una letra o un número (con él se forma la dirección).
article-status-choose = Elige borrador o publicado.
path-choose = Elige una de las rutas de aprendizaje, o ninguna.
position-invalid = Escribe un número entero a partir de 1 (el primer paso).
position-without-path = La posición solo tiene sentido dentro de una ruta: elige una ruta o deja esto vacío.
faqs-too-many = Incluye como máximo { $max } preguntas.
faq-no-question = A la pregunta { $n } le falta la pregunta: rellena las dos partes o vacía ambas.
faq-no-answer = A la pregunta { $n } le falta la respuesta: rellena las dos partes o vacía ambas.
faqs-too-long = Cada pregunta debe tener menos de 300 caracteres y cada respuesta menos de 3000.
